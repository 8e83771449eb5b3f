using System.Text.Json;
using System.Text.Unicode;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;

namespace Edge.Uplink.Commands.Wire;

/// <summary>The MQTT payload of a command:
/// <c>{"v":1,"key":"&lt;key id&gt;","body":"&lt;base64 body&gt;","sig":"&lt;base64 Ed25519 signature&gt;"}</c>.
/// The signature covers <see cref="CommandSigning.DomainPrefix"/> and the body's exact bytes.</summary>
public sealed record CommandEnvelope(string KeyId, byte[] Body, byte[] Signature)
{
    public const int Version = 1;

    /// <summary>Reads the envelope; refuses binary, non-JSON and unsigned payloads and malformed fields.
    /// The payload size is checked by the caller first.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> payload, int maxDepth, out CommandEnvelope envelope, out CommandError error)
    {
        envelope = null!;
        if (!Utf8.IsValid(payload.Span))
            return Fail(out error, CommandError.Malformed(null, "payload is not UTF-8 text (binary?)"));
        // Checked again by the parse; the first check gives binary payloads their own message.
        if (!CommandJson.TryParse(payload, maxDepth, out var document, out var reason))
            return Fail(out error, CommandError.Malformed(null, "payload is not JSON: " + reason));
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(out error, CommandError.Malformed(null, "payload is not a JSON object"));
            if (!root.TryGetProperty("sig", out var sig) || sig.ValueKind == JsonValueKind.Null
                || (sig.ValueKind == JsonValueKind.String && sig.GetString()!.Length == 0))
                return Fail(out error, new CommandError(CommandErrorCodes.Unsigned, "sig", "command is not signed"));
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("v" or "key" or "body" or "sig"))
                    return Fail(out error, CommandError.Malformed(CommandJson.FieldName(property.Name), "unknown envelope field"));
            }
            if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != Version)
                return Fail(out error, CommandError.Malformed("v", $"envelope version must be {Version}"));
            if (!CommandJson.TryGetString(root, "key", out var keyId) || keyId is null || !TrustedKeys.IsKeyId(keyId))
                return Fail(out error, CommandError.Malformed("key", "key must be a key id (1 to 64 of A-Z, a-z, 0-9, '.', '_', '-')"));
            if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String
                || !body.TryGetBytesFromBase64(out var bodyBytes) || bodyBytes.Length == 0)
                return Fail(out error, CommandError.Malformed("body", "body must be the command's JSON in base64"));
            if (sig.ValueKind != JsonValueKind.String || !sig.TryGetBytesFromBase64(out var signature))
                return Fail(out error, CommandError.Malformed("sig", "sig must be base64"));
            envelope = new CommandEnvelope(keyId, bodyBytes, signature);
            error = null!;
            return true;
        }
    }

    public byte[] ToUtf8Json()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("key", KeyId);
            writer.WriteBase64String("body", Body);
            writer.WriteBase64String("sig", Signature);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static bool Fail(out CommandError error, CommandError value)
    {
        error = value;
        return false;
    }
}
