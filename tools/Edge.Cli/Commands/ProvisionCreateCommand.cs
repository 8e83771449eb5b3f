using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Firmware.Provisioning;
using Edge.Uplink.Commands.Signing;

using Edge.Cli.Broker;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl provision create</c>: issues the sensor's client certificate from the province's
/// CA and signs everything the sensor needs into one file (mode 0600: it holds the client key).</summary>
internal static class ProvisionCreateCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "agency id, as in the MQTT topics ([a-z0-9-])", Required = true };
        var sensor = new Option<string>("--sensor") { Description = "sensor id, as in the MQTT topics ([a-z0-9-])", Required = true };
        var broker = new Option<string>("--broker") { Description = "mqtts://host:port of the province's broker", Required = true };
        var caCertificate = new Option<FileInfo>("--ca-cert") { Description = "the province CA's certificate (PEM), to issue the sensor's client certificate" };
        var caKey = new Option<FileInfo>("--ca-key") { Description = "the province CA's private key (PEM, unencrypted)" };
        var brokerCa = new Option<FileInfo>("--broker-ca") { Description = "the CA the broker's certificate chains to (default: --ca-cert)" };
        var days = new Option<int>("--days") { Description = "client certificate validity in days (never past the CA's)", DefaultValueFactory = _ => (int)SensorCertificateIssuer.DefaultValidity.TotalDays };
        var username = new Option<string?>("--username") { Description = "broker account name (deploy/mosquitto's AGENCY.SENSOR), for password logins" };
        var passwordFile = new Option<FileInfo>("--password-file") { Description = "file whose first line is the account's password (never on the command line)" };
        var bundleKeys = new Option<string[]>("--bundle-key") { Description = "ID=PUBFILE of a technician key whose bundles the sensor installs (repeatable, at least one)", Required = true, AllowMultipleArgumentsPerToken = true };
        var commandKeys = new Option<string[]>("--command-key") { Description = "ID=PUBFILE of an incident-team key whose commands the sensor obeys (repeatable)", AllowMultipleArgumentsPerToken = true };
        var settings = new Option<string[]>("--set") { Description = "KEY=VALUE of a further setting under Edge, e.g. Capture:Interface=eth0 (repeatable)", AllowMultipleArgumentsPerToken = true };
        var key = new Option<FileInfo>("--key") { Description = "the technician's private key that signs the set", Required = true };
        var keyId = new Option<string>("--key-id") { Description = "its key id (a new sensor accepts a set signed by one of its --bundle-key)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "file to write (mode 0600)", Required = true };
        foreach (var file in new[] { caCertificate, caKey, brokerCa, passwordFile })
            file.AcceptExistingOnly();
        key.AcceptExistingOnly();
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
                r.AddError("--days must be 1 to 3650");
        });

        var command = new Command("create", "Make a sensor's signed provisioning set")
        {
            agency, sensor, broker, caCertificate, caKey, brokerCa, days, username, passwordFile,
            bundleKeys, commandKeys, settings, key, keyId, output,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if ((parse.GetValue(caCertificate) is null) != (parse.GetValue(caKey) is null))
                return BundleArguments.UsageError(parse, "--ca-cert and --ca-key go together");
            var trustedBundles = BundleArguments.ReadKeys("--bundle-key", parse.GetRequiredValue(bundleKeys), out var keyError);
            var trustedCommands = trustedBundles is null ? null : BundleArguments.ReadKeys("--command-key", parse.GetValue(commandKeys) ?? [], out keyError);
            if (trustedBundles is null || trustedCommands is null)
                return BundleArguments.UsageError(parse, keyError);
            if (!TryReadSettings(parse.GetValue(settings) ?? [], out var extra, out var settingError))
                return BundleArguments.UsageError(parse, settingError);
            if (!Ed25519KeyText.TryParsePrivateKey(File.ReadAllText(parse.GetRequiredValue(key).FullName), out var privateKey))
                return BundleArguments.UsageError(parse, $"--key: '{parse.GetRequiredValue(key).FullName}' is not an Ed25519 PRIVATE KEY (PEM) or base64 of 32 bytes");
            try
            {
                var now = DateTimeOffset.UtcNow;
                IssuedCertificate? issued = null;
                string? brokerAuthorities = parse.GetValue(brokerCa) is { } brokerCaFile ? File.ReadAllText(brokerCaFile.FullName) : null;
                if (parse.GetValue(caCertificate) is { } caFile)
                {
                    using var authority = X509Certificate2.CreateFromPemFile(caFile.FullName, parse.GetRequiredValue(caKey).FullName);
                    issued = SensorCertificateIssuer.Issue(authority, parse.GetRequiredValue(agency), parse.GetRequiredValue(sensor), now,
                        TimeSpan.FromDays(parse.GetValue(days)));
                    brokerAuthorities ??= File.ReadAllText(caFile.FullName);
                }
                var set = new ProvisioningSet
                {
                    Agency = parse.GetRequiredValue(agency),
                    Sensor = parse.GetRequiredValue(sensor),
                    Created = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    Broker = parse.GetRequiredValue(broker),
                    BrokerCa = parse.GetRequiredValue(broker).StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase) ? brokerAuthorities : null,
                    ClientCertificate = issued?.CertificatePem,
                    ClientKey = issued?.KeyPem,
                    Username = parse.GetValue(username),
                    Password = parse.GetValue(passwordFile) is { } passwordPath ? PasswordFile.FirstLine(passwordPath.FullName) : null,
                    BundleKeys = Texts(trustedBundles),
                    CommandKeys = Texts(trustedCommands),
                    Settings = extra,
                };
                if (ProvisioningRules.Check(set, now) is { } refusal)
                    return BundleArguments.UsageError(parse, refusal.Message);
                var signer = parse.GetRequiredValue(keyId);
                if (!set.BundleKeys.TryGetValue(signer, out var listed)
                    || !Ed25519Signatures.PublicKeyOf(privateKey).AsSpan().SequenceEqual(Convert.FromBase64String(listed)))
                    error.WriteLine($"note: '{signer}' is not one of the set's --bundle-key, so only a sensor that already trusts it accepts this set");
                var path = parse.GetRequiredValue(output).FullName;
                WriteSecretFile(path, ProvisioningWriter.Write(set, signer, privateKey));
                var written = parse.InvocationConfiguration.Output;
                written.WriteLine($"{path}: sensor {set.Agency}/{set.Sensor}, broker {set.Broker}, {set.BundleKeys.Count} bundle key(s), {set.CommandKeys.Count} command key(s), signed by '{signer}'");
                if (issued is not null)
                    written.WriteLine($"client certificate CN={ProvisioningRules.AccountName(set.Agency, set.Sensor)} valid to {issued.NotAfter:u}, SHA-256 {issued.Sha256}");
                if (set.CommandKeys.Count == 0)
                    error.WriteLine("note: no --command-key: the sensor will refuse every command, acknowledgements included");
                return 0;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                // Messages of the certificate APIs name files, never key bytes.
                error.WriteLine($"error: {e.Message}");
                return e is ArgumentException ? 2 : 1;
            }
            finally
            {
                Array.Clear(privateKey);
            }
        });
        return command;
    }

    private static Dictionary<string, string> Texts(TrustedKeys keys)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in keys.KeyIds)
        {
            keys.TryGet(id, out var key);
            texts[id] = Convert.ToBase64String(key.Span);
        }
        return texts;
    }

    private static bool TryReadSettings(string[] pairs, out Dictionary<string, string> settings, out string error)
    {
        settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"--set '{pair}' is not KEY=VALUE";
                return false;
            }
            var name = pair[..eq].StartsWith("Edge:", StringComparison.OrdinalIgnoreCase) ? pair[5..eq] : pair[..eq];
            if (!settings.TryAdd(name, pair[(eq + 1)..]))
            {
                error = $"--set {name} is given twice";
                return false;
            }
        }
        error = "";
        return true;
    }

    private static void WriteSecretFile(string path, byte[] bytes)
    {
        var partial = path + ".partial";
        File.Delete(partial);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(partial, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(partial, path, overwrite: true);
    }
}
