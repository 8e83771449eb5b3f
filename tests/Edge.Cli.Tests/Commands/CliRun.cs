namespace Edge.Cli.Tests.Commands;

/// <summary>Runs edgectl in-process as Main does (bad arguments exit 2), capturing its output.</summary>
internal static class CliRun
{
    public static int Run(out string output, params string[] args)
    {
        var parse = Program.BuildRoot().Parse(args);
        var writer = new StringWriter();
        parse.InvocationConfiguration.Output = writer;
        parse.InvocationConfiguration.Error = writer;
        var code = Program.Run(parse);
        output = writer.ToString();
        return code;
    }
}
