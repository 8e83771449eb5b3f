using System.CommandLine;
using Edge.Cli.Commands;

namespace Edge.Cli;

internal static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    public static RootCommand BuildRoot() =>
        new("edgectl: tools for the Edge sensor's incident team and technicians")
        {
            SynthCommand.Create(),
        };
}
