namespace Edge.Cli.Broker;

/// <summary>A password given as a file (never on the command line, where <c>ps</c> shows it): its first line.</summary>
internal static class PasswordFile
{
    public static string FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? "";
    }
}
