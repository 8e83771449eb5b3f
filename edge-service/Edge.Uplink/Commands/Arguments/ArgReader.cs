using System.Text.Json;
using Edge.Uplink.Commands.Results;

namespace Edge.Uplink.Commands.Arguments;

/// <summary>Reads a command's <c>args</c>, keeping the first fault as an <c>invalid_argument</c>
/// naming the argument (<c>args.alert_id</c>). Unknown arguments are faults too: a misspelt one
/// must not be silently ignored. After a fault every read returns its default.</summary>
internal sealed class ArgReader
{
    private readonly JsonElement _args;

    public ArgReader(JsonElement args, params string[] allowed)
    {
        _args = args;
        foreach (var property in args.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                Fault(Wire.CommandJson.FieldName(property.Name), "unknown argument");
                return;
            }
        }
    }

    public CommandError? Error { get; private set; }

    public bool Has(string name) => _args.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required, Func<string, bool> isValid, string expectation)
    {
        if (!TryGet(name, required, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !isValid(text))
        {
            Fault(name, expectation);
            return null;
        }
        return text;
    }

    public long? Integer(string name, bool required, long min, long max)
    {
        if (!TryGet(name, required, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Fault(name, $"must be a whole number from {min} to {max}");
            return null;
        }
        return number;
    }

    public byte[]? Base64(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.String || !value.TryGetBytesFromBase64(out var bytes))
        {
            Fault(name, "must be base64");
            return null;
        }
        return bytes;
    }

    /// <summary>A string, number or boolean as text (strings unquoted); anything else is a fault.</summary>
    public string? Scalar(string name, int maxLength)
    {
        if (!TryGet(name, true, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is null || text.Length > maxLength)
        {
            Fault(name, $"must be a string (at most {maxLength} characters), a number or true/false");
            return null;
        }
        return text;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (Error is not null)
            return false;
        if (_args.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        if (required)
            Fault(name, "is required");
        return false;
    }

    private void Fault(string name, string message) =>
        Error ??= CommandError.InvalidArgument(name, $"{name} {message}");
}
