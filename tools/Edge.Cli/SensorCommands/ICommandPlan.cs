using System.Text.Json.Nodes;

namespace Edge.Cli.SensorCommands;

/// <summary>A command carried out in one or several exchanges with the sensor (an intel list in
/// chunks, evidence fetched piece by piece): each ok answer gives the next command's args.</summary>
public interface ICommandPlan
{
    string Name { get; }

    /// <summary>The args of the next command, or null when the plan is done.</summary>
    /// <param name="previous">The last ok answer; null before the first command.</param>
    JsonObject? Next(CommandAnswer? previous);

    /// <summary>After the last ok answer: what was made of it (a file written), or why it is not
    /// good after all (a hash that does not match); null when there is nothing to add.</summary>
    PlanResult? Finish();
}

/// <param name="Ok">False when the sensor said ok but the result does not hold up.</param>
public sealed record PlanResult(bool Ok, string Message);

/// <summary>One command, one answer.</summary>
public sealed class SingleCommandPlan(string name, JsonObject args) : ICommandPlan
{
    private bool _sent;

    public string Name => name;

    public JsonObject? Next(CommandAnswer? previous)
    {
        if (_sent)
            return null;
        _sent = true;
        return args;
    }

    public PlanResult? Finish() => null;
}
