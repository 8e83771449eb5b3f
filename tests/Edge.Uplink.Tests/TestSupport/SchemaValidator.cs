using System.Collections.Concurrent;
using System.Text.Json;
using Edge.Uplink.Schemas;
using Json.Schema;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Validates JSON against the schemas embedded in Edge.Uplink (formats enforced, not just
/// annotated), and says why when it fails.</summary>
public static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> s_schemas = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions s_options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>Empty when <paramref name="json"/> is valid; otherwise one line per failed keyword.</summary>
    public static IReadOnlyList<string> Errors(string schemaName, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema(schemaName).Evaluate(document.RootElement, s_options);
        if (results.IsValid)
            return [];
        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    public static void AssertValid(string schemaName, string json)
    {
        var errors = Errors(schemaName, json);
        if (errors.Count > 0)
            Assert.Fail($"{schemaName} rejects {json}\n  " + string.Join("\n  ", errors));
    }

    private static JsonSchema Schema(string name) =>
        s_schemas.GetOrAdd(name, n => JsonSchema.FromText(UplinkSchemas.Read(n), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
                errors.Add($"{results.InstanceLocation} {keyword}: {message}");
        }
        foreach (var detail in results.Details ?? [])
            Collect(detail, errors);
    }
}
