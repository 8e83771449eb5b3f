using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Firmware.Provisioning;
using Edge.Uplink.Commands.Signing;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl provision inspect FILE</c>: what a set holds, without its secrets: the client
/// key and the password are reported as present, never shown.</summary>
internal static class ProvisionInspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "a set made by edgectl provision create" };
        file.AcceptExistingOnly();
        var command = new Command("inspect", "Show a provisioning set (secrets are never printed)") { file };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var bytes = File.ReadAllBytes(parse.GetRequiredValue(file).FullName);
            if (!ProvisioningReader.TryParse(bytes, out var set, out var envelope, out var malformed))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {malformed}");
                return 1;
            }
            output.WriteLine($"sensor        {set.Agency}/{set.Sensor}");
            output.WriteLine($"created       {set.Created}");
            output.WriteLine($"broker        {set.Broker}");
            if (set.BrokerCa is not null)
                WriteAuthorities(output, set.BrokerCa);
            WriteClientCertificate(output, set);
            if (set.Username is not null)
                output.WriteLine($"account       {set.Username}, password {(set.Password is null ? "none" : "set (secret, not shown)")}");
            WriteKeys(output, "bundle key", set.BundleKeys);
            WriteKeys(output, "command key", set.CommandKeys);
            foreach (var (key, value) in set.Settings)
                output.WriteLine($"setting       {key} = {value}");
            output.WriteLine($"signed by     '{envelope.KeyId}': {Check(set, bytes)}");
            return 0;
        });
        return command;
    }

    private static string Check(ProvisioningSet set, byte[] bytes)
    {
        var own = TrustedKeys.From(set.BundleKeys);
        return ProvisioningReader.TryRead(bytes, own, DateTimeOffset.UtcNow, out _, out _, out var refusal)
            ? "verifies with the set's own bundle key (a new sensor accepts it; a provisioned one if it trusts that key)"
            : refusal!.ToString();
    }

    private static void WriteAuthorities(TextWriter output, string pem)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            output.WriteLine($"broker CA     unreadable: {e.Message}");
            return;
        }
        foreach (var authority in authorities)
        {
            output.WriteLine($"broker CA     {authority.Subject}, valid to {authority.NotAfter.ToUniversalTime():u}");
            authority.Dispose();
        }
    }

    private static void WriteClientCertificate(TextWriter output, ProvisioningSet set)
    {
        if (set.ClientCertificate is null)
        {
            output.WriteLine("client cert   none");
            return;
        }
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(set.ClientCertificate);
            output.WriteLine($"client cert   {certificate.Subject}");
            output.WriteLine($"  issuer      {certificate.Issuer}");
            output.WriteLine($"  valid       {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}");
            output.WriteLine($"  SHA-256     {certificate.GetCertHashString(HashAlgorithmName.SHA256)}");
        }
        catch (CryptographicException e)
        {
            output.WriteLine($"client cert   unreadable: {e.Message}");
        }
        output.WriteLine($"client key    {(set.ClientKey is null ? "missing" : "present (secret, not shown)")}");
    }

    private static void WriteKeys(TextWriter output, string label, Dictionary<string, string> keys)
    {
        foreach (var (id, text) in keys)
        {
            var fingerprint = Ed25519KeyText.TryParsePublicKey(text, out var key)
                ? Convert.ToHexStringLower(SHA256.HashData(key))[..16]
                : "unreadable";
            output.WriteLine($"{label,-13} {id} (SHA-256 {fingerprint}…)");
        }
    }
}
