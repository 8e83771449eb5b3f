using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Mqtt;

namespace Edge.Firmware.Provisioning;

/// <summary>Checks a parsed set field by field; the first problem is returned, naming its field.
/// Messages never quote the client key or the password.</summary>
public static partial class ProvisioningRules
{
    public const int MaxSettings = 200;
    public const int MaxSettingLength = 4096;

    /// <summary>Settings the set's own fields decide; a <c>settings</c> entry may not set them too.</summary>
    private static readonly string[] OwnedPrefixes =
    [
        "Sensor:Agency", "Sensor:Id", "Uplink:Broker", "Uplink:CaFile", "Uplink:ClientCertificateFile",
        "Uplink:ClientKeyFile", "Uplink:Username", "Uplink:Password", "Firmware:TrustedKeys", "Commands:TrustedKeys",
    ];

    public static ProvisioningRefusal? Check(ProvisioningSet set, DateTimeOffset now) => WithoutSecrets(CheckFields(set, now), set);

    /// <summary>A refusal quotes a settings key, a key id or the broker address; a mistaken edit can have
    /// put the password or the client key there (<c>mqtts://user:password@host</c>): those show as '…'.</summary>
    private static ProvisioningRefusal? WithoutSecrets(ProvisioningRefusal? refusal, ProvisioningSet set)
    {
        if (refusal is null)
            return null;
        var message = refusal.Message;
        if (set.Password is { Length: > 0 } password)
            message = message.Replace(password, "…", StringComparison.Ordinal);
        foreach (var line in (set.ClientKey ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length >= 8)
                message = message.Replace(line, "…", StringComparison.Ordinal);
        }
        return refusal with { Message = message };
    }

    private static ProvisioningRefusal? CheckFields(ProvisioningSet set, DateTimeOffset now)
    {
        if (!IdPattern().IsMatch(set.Agency))
            return Invalid("agency", "must be 1 to 64 of a-z, 0-9 and '-' (it is part of the MQTT topics)");
        if (!IdPattern().IsMatch(set.Sensor))
            return Invalid("sensor", "must be 1 to 64 of a-z, 0-9 and '-' (it is part of the MQTT topics)");
        if (!DateTimeOffset.TryParse(set.Created, out _))
            return Invalid("created", "is not an ISO 8601 time");
        if (!BrokerEndpoint.TryParse(set.Broker, out var broker, out var brokerError))
            return Invalid("broker", brokerError);
        return CheckTls(set, broker, now)
            ?? CheckAccount(set)
            ?? CheckKeys("bundle_keys", set.BundleKeys, required: true)
            ?? CheckKeys("command_keys", set.CommandKeys, required: false)
            ?? CheckSettings(set.Settings)
            ?? CheckNesting(set);
    }

    private static ProvisioningRefusal? CheckNesting(ProvisioningSet set)
    {
        try
        {
            ProvisionedConfiguration.ToJson(set, "/");
            return null;
        }
        catch (ArgumentException e)
        {
            return new ProvisioningRefusal(ProvisioningRefusalCode.Invalid, e.Message[..e.Message.IndexOf(" (Parameter", StringComparison.Ordinal)]);
        }
    }

    /// <summary>The name the broker knows the sensor by: the client certificate's CN and the account
    /// name of deploy/mosquitto (<c>AGENCY.SENSOR</c>), which its ACL confines to the sensor's topics.</summary>
    public static string AccountName(string agency, string sensor) => $"{agency}.{sensor}";

    private static ProvisioningRefusal? CheckTls(ProvisioningSet set, BrokerEndpoint broker, DateTimeOffset now)
    {
        if (set.BrokerCa is not null)
        {
            var authorities = new X509Certificate2Collection();
            try
            {
                authorities.ImportFromPem(set.BrokerCa);
            }
            catch (CryptographicException e)
            {
                return Invalid("broker_ca", $"is not PEM certificates: {e.Message}");
            }
            if (authorities.Count == 0)
                return Invalid("broker_ca", "holds no certificate");
            if (!broker.UseTls)
                return Invalid("broker_ca", "is given but the broker is mqtt:// (no TLS)");
        }
        if ((set.ClientCertificate is null) != (set.ClientKey is null))
            return Invalid(set.ClientCertificate is null ? "client_certificate" : "client_key", "is missing: a client certificate needs its key and a key its certificate");
        if (set.ClientCertificate is null)
            return null;
        if (!broker.UseTls)
            return Invalid("client_certificate", "is given but the broker is mqtt:// (no TLS to present it on)");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(set.ClientCertificate, set.ClientKey);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or PlatformNotSupportedException)
        {
            // The exception may quote key material; say only which half is wrong. A key of another
            // certificate is an ArgumentException, a key on a curve OpenSSL lacks a PlatformNotSupportedException.
            return KeyProblem(set.ClientCertificate);
        }
        using (certificate)
        {
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                return Invalid("client_certificate", $"is valid {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, not now");
            var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            var expected = AccountName(set.Agency, set.Sensor);
            if (!string.Equals(name, expected, StringComparison.Ordinal))
                return Invalid("client_certificate", $"is for '{name}', not for this sensor ('{expected}')");
        }
        return null;
    }

    private static ProvisioningRefusal KeyProblem(string certificatePem)
    {
        try
        {
            using var alone = X509Certificate2.CreateFromPem(certificatePem);
            return Invalid("client_key", "is not a PEM private key of the client certificate");
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or PlatformNotSupportedException)
        {
            return Invalid("client_certificate", $"is not a PEM certificate: {e.Message}");
        }
    }

    private static ProvisioningRefusal? CheckAccount(ProvisioningSet set)
    {
        if (set.Username is { Length: 0 or > 256 })
            return Invalid("username", "must be 1 to 256 characters");
        if (set.Password is not null && set.Username is null)
            return Invalid("password", "is given without a username");
        if (set.Password is { Length: 0 or > 1024 })
            return Invalid("password", "must be 1 to 1024 characters");
        return null;
    }

    private static ProvisioningRefusal? CheckKeys(string field, Dictionary<string, string> keys, bool required)
    {
        if (required && keys.Count == 0)
            return Invalid(field, "needs at least one key, or the sensor could never be updated again");
        foreach (var (id, text) in keys)
        {
            if (!TrustedKeys.IsKeyId(id))
                return Invalid($"{field}.{id}", "is not a key id (1 to 64 of A-Z a-z 0-9 . _ -)");
            if (!Ed25519KeyText.TryParsePublicKey(text, out _))
                return Invalid($"{field}.{id}", "is neither base64 of 32 bytes nor a PEM Ed25519 PUBLIC KEY");
        }
        return null;
    }

    private static ProvisioningRefusal? CheckSettings(Dictionary<string, string> settings)
    {
        if (settings.Count > MaxSettings)
            return Invalid("settings", $"has {settings.Count} entries, more than {MaxSettings}");
        foreach (var (key, value) in settings)
        {
            if (!SettingKeyPattern().IsMatch(key))
                return Invalid($"settings.{key}", "is not a configuration key under Edge (e.g. Capture:Interface)");
            foreach (var owned in OwnedPrefixes)
            {
                if (key.Equals(owned, StringComparison.OrdinalIgnoreCase) || key.StartsWith(owned + ":", StringComparison.OrdinalIgnoreCase))
                    return Invalid($"settings.{key}", "is decided by the set's own fields; give it there");
            }
            if (value.Length > MaxSettingLength)
                return Invalid($"settings.{key}", $"is longer than {MaxSettingLength} characters");
        }
        return null;
    }

    private static ProvisioningRefusal Invalid(string field, string message) => new(ProvisioningRefusalCode.Invalid, $"{field} {message}");

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}(:[A-Za-z0-9_.-]{1,64}){1,7}$")]
    private static partial Regex SettingKeyPattern();
}
