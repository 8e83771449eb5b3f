using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Provisioning;

/// <summary>Reads and checks a provisioning file. Never throws on malformed input: every failure is a
/// refusal naming the field.</summary>
public static partial class ProvisioningReader
{
    /// <summary>Parses, checks the fields and verifies the signature.</summary>
    /// <param name="trusted">The bundle keys the sensor trusts now. Empty (a sensor never provisioned)
    /// means the first set is trusted if it is signed by one of the bundle keys it brings: whoever holds
    /// the cable and a technician's key sets the sensor up; after that only a trusted key can change it.</param>
    public static bool TryRead(ReadOnlySpan<byte> file, TrustedKeys trusted, DateTimeOffset now,
        out ProvisioningSet set, out string keyId, out ProvisioningRefusal? refusal)
    {
        keyId = "";
        if (!TryParse(file, out set, out var envelope, out refusal))
            return false;
        keyId = envelope.KeyId;
        refusal = ProvisioningRules.Check(set, now);
        if (refusal is not null)
            return false;
        var keys = trusted.Count > 0 ? trusted : TrustedKeys.From(set.BundleKeys);
        if (!keys.TryGet(envelope.KeyId, out var publicKey))
        {
            refusal = new ProvisioningRefusal(ProvisioningRefusalCode.UnknownKey, trusted.Count > 0
                ? $"key_id '{envelope.KeyId}' is not one of the sensor's trusted bundle keys ({string.Join(", ", trusted.KeyIds)})"
                : $"key_id '{envelope.KeyId}' is not one of the set's own bundle_keys (a first provisioning must be signed by one of them)");
            return false;
        }
        if (!Ed25519Signatures.Verify(publicKey.Span, ProvisioningFormat.SignedMessage(envelope.Body), envelope.Signature))
        {
            refusal = new ProvisioningRefusal(ProvisioningRefusalCode.BadSignature, $"signature does not verify with key '{envelope.KeyId}'");
            return false;
        }
        return true;
    }

    /// <summary>Parses the envelope and the set without checking fields or the signature (for inspect).</summary>
    public static bool TryParse(ReadOnlySpan<byte> file, out ProvisioningSet set, out ProvisioningEnvelope envelope, out ProvisioningRefusal? refusal)
    {
        set = null!;
        envelope = null!;
        if (file.Length > ProvisioningFormat.MaxBytes)
            return Malformed($"the file is {file.Length} bytes, over the {ProvisioningFormat.MaxBytes}-byte cap", out refusal);
        if (!TryDeserialize(file, ProvisioningJsonContext.Default.ProvisioningEnvelope, "", out var parsedEnvelope, out refusal))
            return false;
        if (parsedEnvelope.Schema != ProvisioningFormat.Schema)
            return Malformed($"schema is '{Printable(parsedEnvelope.Schema)}', not '{ProvisioningFormat.Schema}'", out refusal);
        if (parsedEnvelope.Signature.Length != Ed25519Signatures.SignatureSize)
            return Malformed($"signature is {parsedEnvelope.Signature.Length} bytes, not {Ed25519Signatures.SignatureSize}", out refusal);
        if (!TryDeserialize(parsedEnvelope.Body, ProvisioningJsonContext.Default.ProvisioningSet, "body", out var parsedSet, out refusal))
            return false;
        // Nullable annotations do not reach a dictionary's values.
        foreach (var (name, map) in new[] { ("bundle_keys", parsedSet.BundleKeys), ("command_keys", parsedSet.CommandKeys), ("settings", parsedSet.Settings) })
        {
            if (map.ContainsValue(null!))
                return Malformed($"body $.{name} holds a null value", out refusal);
        }
        envelope = parsedEnvelope;
        set = parsedSet;
        return true;
    }

    /// <param name="where">Empty for the envelope; "body" for the set, whose text holds the secrets.</param>
    private static bool TryDeserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, string where,
        out T value, out ProvisioningRefusal? refusal) where T : class
    {
        value = null!;
        if (!Utf8.IsValid(utf8))
            return Malformed($"{Where(where)}is not UTF-8 text", out refusal);
        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(utf8, type);
        }
        catch (JsonException e)
        {
            return Malformed(Where(where) + (where.Length == 0 ? $"{e.Path ?? "$"}: {FirstLine(e.Message)}" : WithoutInputNames(e, type)), out refusal);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return Malformed(Where(where) + (where.Length == 0 ? FirstLine(e.Message) : FirstLine(OnlyKnownNames(e.Message, type) ?? NotShown)), out refusal);
        }
        if (parsed is null)
            return Malformed($"{Where(where)}is JSON null, not an object", out refusal);
        value = parsed;
        refusal = null;
        return true;
    }

    private const string NotShown = "a property that is not the format's (its name is not shown: it could be a secret)";

    /// <summary>The reader quotes property names in its paths and messages, and a damaged or hand-edited
    /// set can have a value (the client key, the password) where a name goes: only the set's own names
    /// are shown, and a message quoting anything else is replaced.</summary>
    private static string WithoutInputNames(JsonException e, JsonTypeInfo type)
    {
        var message = e.Message;
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathAt >= 0)
            message = message[..pathAt];
        var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine})" : "";
        return $"{KnownPath(e.Path, type)}: {(OnlyKnownNames(message, type) is { } known ? FirstLine(known) : NotShown)}{position}";
    }

    /// <summary>"$.name…" as "$.name" when the set has such a property, else "$".</summary>
    private static string KnownPath(string? path, JsonTypeInfo type)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
            return "$";
        var end = path.AsSpan(2).IndexOfAny('.', '[');
        var name = end < 0 ? path[2..] : path.Substring(2, end);
        return IsKnown(name, type) ? "$." + name : "$";
    }

    /// <summary>The message if all it quotes is the set's names, its type or a few characters of syntax; else null.</summary>
    private static string? OnlyKnownNames(string message, JsonTypeInfo type)
    {
        if (message.Count(c => c == '\'') % 2 != 0)
            return null;
        foreach (Match quoted in QuotedText().Matches(message))
        {
            var text = quoted.Groups[1].Value;
            if (text.Length > 4 && !IsKnown(text, type) && text != type.Type.FullName)
                return null;
        }
        return message;
    }

    private static bool IsKnown(string name, JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Name == name)
                return true;
        }
        return false;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedText();

    private static string Where(string where) => where.Length == 0 ? "" : where + " ";

    private static bool Malformed(string message, out ProvisioningRefusal? refusal)
    {
        refusal = new ProvisioningRefusal(ProvisioningRefusalCode.Malformed, message);
        return false;
    }

    private static string Printable(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? message : message[..end];
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
