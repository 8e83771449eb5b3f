using Edge.Uplink.Messages;
using Spectre.Console;

namespace Edge.Cli.Watch;

/// <summary>One line per alert, coloured by severity; a message that is not an alert becomes a dim
/// warning line in the same stream (it happened there), connection notices go to stderr.</summary>
public sealed class ConsoleWatchOutput(IAnsiConsole console, TextWriter error) : IWatchOutput
{
    public void Alert(AlertMessage alert, byte[] payload) => console.MarkupLine(AlertLine.Markup(alert));

    public void Unreadable(string topic, string reason) => console.MarkupLine(AlertLine.WarningMarkup(topic, reason));

    public void Notice(string text) => error.WriteLine("edgectl watch: " + text);

    public void Finish()
    {
    }
}
