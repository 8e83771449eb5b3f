using Spectre.Console;

namespace Edge.Cli.Watch;

/// <summary>A Spectre.Console on a given writer: colours only when it is the process's stdout and
/// that is a terminal (Spectre would otherwise go by TERM alone and colour a pipe or a file), and no
/// wrapping at 80 columns when the output goes to a pipe or a file.</summary>
public static class SpectreConsoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
            console.Profile.Width = 4096;
        return console;
    }
}
