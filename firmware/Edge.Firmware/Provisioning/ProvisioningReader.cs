using System.Text.Json;
using System.Text.Unicode;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Provisioning;

/// <summary>Reads and checks a provisioning file. Never throws on malformed input: every failure is a
/// refusal naming the field.</summary>
public static class ProvisioningReader
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
        envelope = parsedEnvelope;
        set = parsedSet;
        return true;
    }

    private static bool TryDeserialize<T>(ReadOnlySpan<byte> utf8, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string where,
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
            // Paths name fields; messages of the reader never quote values.
            return Malformed($"{Where(where)}{e.Path ?? "$"}: {FirstLine(e.Message)}", out refusal);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return Malformed($"{Where(where)}{FirstLine(e.Message)}", out refusal);
        }
        if (parsed is null)
            return Malformed($"{Where(where)}is JSON null, not an object", out refusal);
        value = parsed;
        refusal = null;
        return true;
    }

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
