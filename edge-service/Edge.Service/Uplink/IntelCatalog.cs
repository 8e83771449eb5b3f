using System.Globalization;
using Edge.Detect.Intel;
using Edge.Uplink.Commands.Actions;

namespace Edge.Service.Uplink;

/// <summary>Which list files make the sensor's intel: the configured lists plus those received by
/// <c>intel-update</c> commands, kept in the state folder (<c>intel/</c>) so they survive restarts.
/// A received list replaces an earlier one of the same name.</summary>
public sealed class IntelCatalog(IReadOnlyList<string> configured, string receivedDirectory, TimeProvider time)
{
    public string ReceivedDirectory { get; } = receivedDirectory;

    /// <summary>True when lists received earlier wait in the state folder (to load at start).</summary>
    public bool HasReceived => Directory.Exists(ReceivedDirectory) && Directory.GetFiles(ReceivedDirectory, "*.txt").Length > 0;

    public IReadOnlyList<IntelSource> Sources()
    {
        var sources = new List<IntelSource>(IntelLoader.Expand(configured, new IntelLoadOptions()));
        if (Directory.Exists(ReceivedDirectory))
        {
            var received = Directory.GetFiles(ReceivedDirectory, "*.txt");
            Array.Sort(received, StringComparer.Ordinal);
            foreach (var file in received)
                sources.Add(new IntelSource(file, Path.GetFileName(file), CategoryOf(file)));
        }
        return sources;
    }

    private const string NoCategory = "any";

    private const string Replaced = ".replaced";

    /// <summary>Moves a verified list into the catalog. An earlier list of the same name (whatever its
    /// category) is set aside, not deleted, until <see cref="Keep"/> or <see cref="Undo"/> says whether
    /// the new set loaded; returns where the new list lies.</summary>
    public string Place(IntelUpdate update)
    {
        Directory.CreateDirectory(ReceivedDirectory);
        // The category travels in the file name (name.category.txt) so a restart reloads it the same
        // way; dots of the list's own name become '-' so they cannot pose as a category.
        var name = (update.List.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? update.List[..^4] : update.List).Replace('.', '-');
        foreach (var earlier in Directory.GetFiles(ReceivedDirectory, name + ".*.txt"))
            File.Move(earlier, earlier + Replaced, overwrite: true);
        var target = Path.Combine(ReceivedDirectory, $"{name}.{update.Category ?? NoCategory}.txt");
        File.Move(update.Path, target, overwrite: true);
        return target;
    }

    /// <summary>The new list loaded: the one it replaced goes.</summary>
    public void Keep()
    {
        foreach (var replaced in Directory.GetFiles(ReceivedDirectory, "*" + Replaced))
            File.Delete(replaced);
    }

    /// <summary>The new list did not load: it goes and the one it replaced comes back.</summary>
    public void Undo(string placed)
    {
        try
        {
            File.Delete(placed);
            foreach (var replaced in Directory.GetFiles(ReceivedDirectory, "*" + Replaced))
                File.Move(replaced, replaced[..^Replaced.Length], overwrite: true);
        }
        catch (IOException)
        {
            // What is left is tidied by the next update; the intel in use is unchanged.
        }
    }

    /// <summary>A version a responder can compare across the fleet: when the set was built and its size.</summary>
    public string Version(IntelLoadReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{report.Domains}d-{report.Cidrs}c");

    private static string? CategoryOf(string file)
    {
        var parts = Path.GetFileNameWithoutExtension(file).Split('.');
        return parts.Length == 2 && parts[1] != NoCategory ? parts[1] : null;
    }
}
