using System.Text.Json;
using System.Text.Unicode;

namespace Edge.Firmware.Bundles;

/// <summary>Parses and checks manifest bytes. Never throws on malformed input: every failure is a
/// refusal naming the field (JSON errors carry their JSON path).</summary>
public static class BundleManifestParser
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out BundleManifest manifest, out BundleRefusal? refusal)
    {
        manifest = null!;
        if (utf8.Length > BundleFormat.MaxManifestBytes)
        {
            refusal = new BundleRefusal(BundleRefusalCode.ManifestTooLarge, $"manifest is {utf8.Length} bytes, over the {BundleFormat.MaxManifestBytes}-byte cap");
            return false;
        }
        if (!Utf8.IsValid(utf8))
        {
            refusal = new BundleRefusal(BundleRefusalCode.MalformedManifest, "manifest is not UTF-8 text");
            return false;
        }
        BundleManifest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(utf8, BundleJsonContext.Default.BundleManifest);
        }
        catch (JsonException e)
        {
            refusal = new BundleRefusal(BundleRefusalCode.MalformedManifest, $"manifest {e.Path ?? "$"}: {FirstLine(e.Message)}");
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Escaped lone surrogates ("\ud800") fail when a string or name is unescaped.
            refusal = new BundleRefusal(BundleRefusalCode.MalformedManifest, $"manifest: {FirstLine(e.Message)}");
            return false;
        }
        if (parsed is null)
        {
            refusal = new BundleRefusal(BundleRefusalCode.MalformedManifest, "manifest is JSON null, not an object");
            return false;
        }
        refusal = BundleManifestRules.Check(parsed);
        if (refusal is not null)
            return false;
        manifest = parsed;
        return true;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? message : message[..end];
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
