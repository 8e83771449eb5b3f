using Spectre.Console;

namespace Edge.Cli.Watch;

/// <summary>A Spectre.Console on a given writer: colours only where the writer is a terminal that
/// takes them, and no wrapping at 80 columns when the output goes to a pipe or a file.</summary>
public static class SpectreConsoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
        if (!console.Profile.Out.IsTerminal)
            console.Profile.Width = 4096;
        return console;
    }
}
