using System.CommandLine;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Topics;

namespace Edge.Cli.Broker;

/// <summary>The broker options every incident-team command shares (<c>--broker</c>, <c>--username</c>,
/// <c>--password-file</c>, <c>--ca</c>, <c>--client-cert</c>, <c>--client-key</c>, <c>--prefix</c>);
/// a bad combination is a usage error (exit 2).</summary>
internal sealed class BrokerArguments
{
    public BrokerArguments(bool required)
    {
        Broker = new Option<string>("--broker") { Description = "the broker: mqtt://host:port or mqtts://host:port", Required = required };
        Broker.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } text && !BrokerEndpoint.TryParse(text, out _, out var error))
                r.AddError("--broker: " + error);
        });
        Prefix.Validators.Add(r =>
        {
            if (!IsPrefix(r.GetValueOrDefault<string>() ?? ""))
                r.AddError("--prefix must be a plain topic without wildcards or outer slashes, such as edge/v1");
        });
        PasswordFile.AcceptExistingOnly();
        Ca.AcceptExistingOnly();
        ClientCertificate.AcceptExistingOnly();
        ClientKey.AcceptExistingOnly();
    }

    public Option<string> Broker { get; }

    public Option<string> Username { get; } = new("--username") { Description = "MQTT username" };

    public Option<FileInfo> PasswordFile { get; } = new("--password-file") { Description = "file whose first line is the MQTT password" };

    public Option<FileInfo> Ca { get; } = new("--ca") { Description = "PEM CA the broker's certificate must chain to (mqtts; default: the system store)" };

    public Option<FileInfo> ClientCertificate { get; } = new("--client-cert") { Description = "PEM client certificate for mutual TLS" };

    public Option<FileInfo> ClientKey { get; } = new("--client-key") { Description = "PEM key of --client-cert" };

    public Option<string> Prefix { get; } = new("--prefix") { Description = "topic prefix", DefaultValueFactory = _ => TopicLayout.DefaultPrefix };

    public void AddTo(Command command)
    {
        command.Options.Add(Broker);
        command.Options.Add(Username);
        command.Options.Add(PasswordFile);
        command.Options.Add(Ca);
        command.Options.Add(ClientCertificate);
        command.Options.Add(ClientKey);
        command.Options.Add(Prefix);
        command.Validators.Add(r =>
        {
            // A file option that failed its own check (no such file) has no value to look at: that error is enough.
            if (!TryGet(r, PasswordFile, out var password) || !TryGet(r, Ca, out var ca) || !TryGet(r, ClientCertificate, out var certificate)
                || !TryGet(r, ClientKey, out var key))
                return;
            if (r.GetValue(Broker) is null)
            {
                if (r.GetValue(Username) is not null || password is not null || ca is not null || certificate is not null || key is not null)
                    r.AddError("--username, --password-file, --ca, --client-cert and --client-key need --broker");
                return;
            }
            if (password is not null && r.GetValue(Username) is null)
                r.AddError("--password-file needs --username");
            else if (Read(r.GetValue(Broker), r.GetValue(Username), null, ca, certificate, key)?.Problem() is { } problem)
                r.AddError(problem);
        });
    }

    private static bool TryGet(System.CommandLine.Parsing.CommandResult result, Option<FileInfo> option, out FileInfo? value)
    {
        try
        {
            value = result.GetValue(option);
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.CommandLine reports the failed check itself; reading the value throws it.
            value = null;
            return false;
        }
    }

    /// <summary>The options given, or null when there is no <c>--broker</c>.</summary>
    public BrokerOptions? Read(ParseResult parse)
    {
        var password = parse.GetValue(PasswordFile) is { } file ? Edge.Cli.Broker.PasswordFile.FirstLine(file.FullName) : null;
        return Read(parse.GetValue(Broker), parse.GetValue(Username), password, parse.GetValue(Ca), parse.GetValue(ClientCertificate), parse.GetValue(ClientKey));
    }

    public string TopicPrefix(ParseResult parse) => parse.GetValue(Prefix) ?? TopicLayout.DefaultPrefix;

    /// <summary>An option for an agency, sensor or category id (<c>[a-z0-9-]{1,64}</c>).</summary>
    public static Option<string> IdOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } id && !TopicLayout.IsId(id))
                r.AddError($"{name} '{id}' must be 1 to 64 of a-z, 0-9 and '-'");
        });
        return option;
    }

    public static bool IsPrefix(string prefix) =>
        prefix.Length > 0 && !prefix.Contains('+', StringComparison.Ordinal) && !prefix.Contains('#', StringComparison.Ordinal)
        && !prefix.StartsWith('/') && !prefix.EndsWith('/');

    private static BrokerOptions? Read(string? broker, string? username, string? password, FileInfo? ca, FileInfo? certificate, FileInfo? key)
    {
        if (broker is null || !BrokerEndpoint.TryParse(broker, out var endpoint, out _))
            return null;
        return new BrokerOptions(endpoint)
        {
            Username = username,
            Password = password,
            CaFile = ca?.FullName,
            ClientCertificateFile = certificate?.FullName,
            ClientKeyFile = key?.FullName,
        };
    }
}
