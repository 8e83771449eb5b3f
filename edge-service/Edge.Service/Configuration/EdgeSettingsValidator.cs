using System.Text.RegularExpressions;

namespace Edge.Service.Configuration;

/// <summary>Checks bound settings section by section, so a refusal names the full key.</summary>
internal static partial class EdgeSettingsValidator
{
    public static void Validate(EdgeSettings settings, string root)
    {
        Id(settings.Sensor.Agency, $"{root}:Sensor:Agency");
        Id(settings.Sensor.Id, $"{root}:Sensor:Id");
        var detection = settings.Detection;
        Section($"{root}:Detection:Beacon", detection.Beacon.Validate);
        Section($"{root}:Detection:FanOut", detection.FanOut.Validate);
        Section($"{root}:Detection:Tunnel", detection.Tunnel.Validate);
        Section($"{root}:Detection", detection.Validate);
        for (var i = 0; i < detection.ProtectedDomains.Count; i++)
        {
            if (!LooksLikeDomain(detection.ProtectedDomains[i]))
                throw new ConfigurationException($"{root}:Detection:ProtectedDomains:{i}", $"'{detection.ProtectedDomains[i]}' is not a domain name");
        }
        Section($"{root}:Alerts", settings.Alerts.Validate);
        Section($"{root}:Evidence", settings.Evidence.Validate);
        Section($"{root}:Uplink", settings.Uplink.Validate);
        // An empty path is filled from the state folder when the outbox opens.
        if (settings.Outbox.Path.Length > 0)
            Section($"{root}:Outbox", settings.Outbox.Validate);
        Section($"{root}:Commands", settings.Commands.Validate);
        KeyMap($"{root}:Commands:TrustedKeys", settings.Commands.TrustedKeys);
        Section($"{root}:Capture", settings.Capture.Validate);
        Section($"{root}:Dns", settings.Dns.Validate);
        Section($"{root}:Hardware", settings.Hardware.Validate);
        Section($"{root}:Hardware:Watchdog", settings.Hardware.Watchdog.Validate);
        Section($"{root}:Hardware:Thermal", settings.Hardware.Thermal.Validate);
        Section($"{root}:StatusPage", settings.StatusPage.Validate);
        Section($"{root}:Firmware", settings.Firmware.Validate);
        Section($"{root}:Blocking", settings.Blocking.Validate);
        KeyMap($"{root}:Firmware:TrustedKeys", settings.Firmware.TrustedKeys);
        if (settings.StatusPage.Interface.Length > 0 && settings.StatusPage.Interface == settings.Capture.Interface)
            throw new ConfigurationException($"{root}:StatusPage:Interface", "is the capture interface: the page belongs on the LAN side");
        for (var i = 0; i < settings.Intel.Lists.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(settings.Intel.Lists[i]))
                throw new ConfigurationException($"{root}:Intel:Lists:{i}", "empty path");
        }
    }

    /// <summary>Key id → Ed25519 public key, as signed commands and bundles are trusted.</summary>
    private static void KeyMap(string prefix, Dictionary<string, string> keys)
    {
        foreach (var (keyId, keyText) in keys)
        {
            if (!Edge.Uplink.Commands.Signing.TrustedKeys.IsKeyId(keyId))
                throw new ConfigurationException($"{prefix}:{keyId}", "not a key id (letters, digits, '-', '_', '.')");
            if (!Edge.Uplink.Commands.Signing.Ed25519KeyText.TryParsePublicKey(keyText, out _))
                throw new ConfigurationException($"{prefix}:{keyId}", "not an Ed25519 public key (32 bytes as base64, or PEM)");
        }
    }

    private static void Section(string prefix, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{prefix}:{e.ParamName}", FirstLine(e.Message));
        }
    }

    /// <summary>Argument exceptions append "(Parameter 'x')" and "Actual value was" lines; the key says it.</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        if (end < 0)
            end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static void Id(string value, string key)
    {
        if (!IdPattern().IsMatch(value))
            throw new ConfigurationException(key, $"'{value}' must be 1 to 64 of a-z, 0-9 and '-' (it names MQTT topics)");
    }

    private static bool LooksLikeDomain(string value) =>
        value.Length is > 0 and <= 253 && !value.Contains(' ', StringComparison.Ordinal) && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex IdPattern();
}
