using System.Text;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>The regression file format: '#' lines are comments (the first says what the input broke),
/// every other non-blank line is one Ethernet frame in hex, fed to a fresh engine in file order.</summary>
public static class HexInput
{
    public static (string Comment, List<byte[]> Frames) Read(string path)
    {
        var comment = "";
        var frames = new List<byte[]>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                if (comment.Length == 0)
                    comment = line.TrimStart('#').Trim();
                continue;
            }
            if (line.Length > 0)
                frames.Add(Convert.FromHexString(line.Replace(" ", "", StringComparison.Ordinal)));
        }
        return (comment, frames);
    }

    public static void Write(string path, IEnumerable<string> comments, IEnumerable<byte[]> frames)
    {
        var text = new StringBuilder();
        foreach (var comment in comments)
            text.Append("# ").AppendLine(comment);
        foreach (var frame in frames)
            text.AppendLine(Convert.ToHexStringLower(frame));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
    }
}
