using System.CommandLine;
using Edge.Cli.Commands;

namespace Edge.Cli;

internal static class Program
{
    public static int Main(string[] args) => Run(BuildRoot().Parse(args));

    /// <summary>Invokes a parsed command line; bad arguments exit 2 (the help text is printed).</summary>
    public static int Run(ParseResult parse)
    {
        var code = parse.Invoke();
        return parse.Errors.Count > 0 ? 2 : code;
    }

    public static RootCommand BuildRoot() =>
        new("edgectl: tools for the Edge sensor's incident team and technicians")
        {
            SynthCommand.Create(),
            KeysCommand.Create(),
            BundleCommand.Create(),
            FlashCommand.Create(),
            ProvisionCommand.Create(),
            CollectCommand.Create(),
            WatchCommand.Create(),
            FleetCommand.Create(),
            AckCommand.Create(),
            CmdCommand.Create(),
            ReportCommand.Create(),
        };
}
