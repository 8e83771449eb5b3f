using System.Text;
using System.Text.Json.Nodes;
using Edge.Firmware.Provisioning;
using Edge.Firmware.Tests.TestSupport;
using Edge.Uplink.Commands.Signing;
using static Edge.Firmware.Tests.TestSupport.TestProvisioning;

namespace Edge.Firmware.Tests.Provisioning;

public sealed class ProvisioningReaderTests
{
    private static ProvisioningRefusal Refused(byte[] file, TrustedKeys? trusted = null)
    {
        Assert.False(ProvisioningReader.TryRead(file, trusted ?? new TrustedKeys(), Now, out _, out _, out var refusal));
        Assert.NotNull(refusal);
        AssertQuotesNoSecret(refusal.Message);
        AssertQuotesNoSecret(refusal.ToString());
        return refusal;
    }

    [Fact]
    public void A_written_set_reads_back_field_for_field()
    {
        var written = Set();
        Assert.True(ProvisioningReader.TryRead(Write(written), Trust(), Now, out var set, out var keyId, out var refusal), refusal?.ToString());
        Assert.Null(refusal);
        Assert.Equal(KeyId, keyId);
        Assert.Equal(
            (written.Agency, written.Sensor, written.Created, written.Broker, written.BrokerCa, written.ClientCertificate, written.ClientKey, written.Username, written.Password),
            (set.Agency, set.Sensor, set.Created, set.Broker, set.BrokerCa, set.ClientCertificate, set.ClientKey, set.Username, set.Password));
        Assert.Equal(written.BundleKeys, set.BundleKeys);
        Assert.Equal(written.CommandKeys, set.CommandKeys);
        Assert.Equal(written.Settings, set.Settings);
    }

    [Fact]
    public void TryParse_gives_the_envelope_with_the_exact_signed_body()
    {
        var file = Write();
        Assert.True(ProvisioningReader.TryParse(file, out var set, out var envelope, out var refusal), refusal?.ToString());
        Assert.Equal(ProvisioningFormat.Schema, envelope.Schema);
        Assert.Equal(KeyId, envelope.KeyId);
        Assert.Equal(Body(), envelope.Body);
        Assert.True(Ed25519Signatures.Verify(Ed25519Signatures.PublicKeyOf(PrivateKey), ProvisioningFormat.SignedMessage(envelope.Body), envelope.Signature));
        Assert.Equal(Sensor, set.Sensor);
    }

    [Fact]
    public void A_fresh_sensor_accepts_a_set_signed_by_one_of_its_own_bundle_keys()
    {
        Assert.True(ProvisioningReader.TryRead(Write(), new TrustedKeys(), Now, out var set, out var keyId, out var refusal), refusal?.ToString());
        Assert.Equal((Agency, Sensor, KeyId), (set.Agency, set.Sensor, keyId));
    }

    [Fact]
    public void A_fresh_sensor_refuses_a_set_signed_by_a_key_not_among_its_own_bundle_keys()
    {
        var refusal = Refused(Write(keyId: OtherKeyId, key: OtherPrivateKey));
        Assert.Equal(ProvisioningRefusalCode.UnknownKey, refusal.Code);
        Assert.Equal("unknown-key", refusal.Name);
        Assert.Contains($"'{OtherKeyId}'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_sensor_refuses_a_set_whose_listed_key_id_was_signed_by_another_key()
    {
        var refusal = Refused(Write(keyId: KeyId, key: OtherPrivateKey));
        Assert.Equal(ProvisioningRefusalCode.BadSignature, refusal.Code);
    }

    [Fact]
    public void A_provisioned_sensor_refuses_a_signer_it_does_not_trust_even_one_the_set_lists()
    {
        // The set lists tech-1 and is signed by it, but the sensor trusts only tech-2 now.
        var refusal = Refused(Write(), Trust(OtherKeyId, OtherPrivateKey));
        Assert.Equal(ProvisioningRefusalCode.UnknownKey, refusal.Code);
        Assert.Contains($"'{KeyId}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(OtherKeyId, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provisioned_sensor_accepts_a_trusted_signer_the_set_does_not_list()
    {
        var file = Write(keyId: OtherKeyId, key: OtherPrivateKey);
        Assert.True(ProvisioningReader.TryRead(file, Trust(OtherKeyId, OtherPrivateKey), Now, out _, out var keyId, out var refusal), refusal?.ToString());
        Assert.Equal(OtherKeyId, keyId);
    }

    [Fact]
    public void A_provisioned_sensor_refuses_its_trusted_key_id_signed_by_another_key()
    {
        var refusal = Refused(Write(keyId: OtherKeyId, key: PrivateKey), Trust(OtherKeyId, OtherPrivateKey));
        Assert.Equal(ProvisioningRefusalCode.BadSignature, refusal.Code);
    }

    [Fact]
    public void Every_flipped_bit_of_the_body_is_refused()
    {
        var body = Body();
        var signature = Ed25519Signatures.Sign(PrivateKey, ProvisioningFormat.SignedMessage(body));
        // Every byte, one bit each (rotating), with the original signature kept.
        for (var i = 0; i < body.Length; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[i] ^= (byte)(1 << (i % 8));
            var file = Envelope(tampered, signature);
            Assert.False(ProvisioningReader.TryRead(file, Trust(), Now, out _, out _, out var refusal), $"byte {i} flipped was accepted");
            Assert.NotNull(refusal);
            Assert.Contains(refusal.Code, new[] { ProvisioningRefusalCode.BadSignature, ProvisioningRefusalCode.Malformed, ProvisioningRefusalCode.Invalid });
        }
    }

    [Fact]
    public void A_flipped_byte_inside_a_string_value_is_a_bad_signature()
    {
        var body = Body();
        var at = Encoding.UTF8.GetString(body).IndexOf("eth0", StringComparison.Ordinal);
        var signature = Ed25519Signatures.Sign(PrivateKey, ProvisioningFormat.SignedMessage(body));
        body[at + 3] = (byte)'1';
        var refusal = Refused(Envelope(body, signature), Trust());
        Assert.Equal(ProvisioningRefusalCode.BadSignature, refusal.Code);
    }

    [Fact]
    public void A_flipped_signature_byte_is_a_bad_signature()
    {
        var body = Body();
        var signature = Ed25519Signatures.Sign(PrivateKey, ProvisioningFormat.SignedMessage(body));
        signature[10] ^= 0x40;
        Assert.Equal(ProvisioningRefusalCode.BadSignature, Refused(Envelope(body, signature), Trust()).Code);
    }

    private static readonly IssuedCertificate OtherClient = SensorCertificateIssuer.Issue(Authority, Agency, "gw-2", Now, TimeSpan.FromDays(365));
    private static readonly IssuedCertificate Expired = SensorCertificateIssuer.Issue(Authority, Agency, Sensor, Now.AddDays(-400), TimeSpan.FromDays(30));
    private static readonly IssuedCertificate Future = SensorCertificateIssuer.Issue(Authority, Agency, Sensor, Now.AddDays(2), TimeSpan.FromDays(30));

    /// <summary>Each case: the body edit and the field its refusal must name first.</summary>
    private static readonly Dictionary<string, (string Field, Action<JsonObject> Edit)> Rules = new()
    {
        ["agency with capitals"] = ("agency", b => b["agency"] = "Town-A"),
        ["agency too long"] = ("agency", b => b["agency"] = new string('a', 65)),
        ["sensor with a slash"] = ("sensor", b => b["sensor"] = "gw/1"),
        ["sensor empty"] = ("sensor", b => b["sensor"] = ""),
        ["created not a time"] = ("created", b => b["created"] = "last tuesday"),
        ["broker not a URL"] = ("broker", b => b["broker"] = "broker.example"),
        ["broker with another scheme"] = ("broker", b => b["broker"] = "https://broker.example"),
        ["broker with a path"] = ("broker", b => b["broker"] = "mqtts://broker.example/x"),
        ["broker_ca not PEM"] = ("broker_ca", b => b["broker_ca"] = "not a certificate"),
        ["broker_ca with mqtt://"] = ("broker_ca", b =>
        {
            b["broker"] = "mqtt://broker.example:1883";
            b.Remove("client_certificate");
            b.Remove("client_key");
        }),
        ["client_certificate with mqtt://"] = ("client_certificate", b =>
        {
            b["broker"] = "mqtt://broker.example:1883";
            b.Remove("broker_ca");
        }),
        ["certificate without key"] = ("client_key", b => b.Remove("client_key")),
        ["key without certificate"] = ("client_certificate", b => b.Remove("client_certificate")),
        ["key of another certificate"] = ("client_key", b => b["client_key"] = OtherClient.KeyPem),
        ["key not PEM"] = ("client_key", b => b["client_key"] = "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----"),
        ["key truncated"] = ("client_key", b => b["client_key"] = Client.KeyPem[..(Client.KeyPem.Length / 2)] + "\n-----END PRIVATE KEY-----"),
        ["certificate not PEM"] = ("client_certificate", b => b["client_certificate"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
        ["certificate expired"] = ("client_certificate", b =>
        {
            b["client_certificate"] = Expired.CertificatePem;
            b["client_key"] = Expired.KeyPem;
        }),
        ["certificate not yet valid"] = ("client_certificate", b =>
        {
            b["client_certificate"] = Future.CertificatePem;
            b["client_key"] = Future.KeyPem;
        }),
        ["certificate for another sensor"] = ("client_certificate", b =>
        {
            b["client_certificate"] = OtherClient.CertificatePem;
            b["client_key"] = OtherClient.KeyPem;
        }),
        ["username empty"] = ("username", b => b["username"] = ""),
        ["password without username"] = ("password", b => b.Remove("username")),
        ["password empty"] = ("password", b => b["password"] = ""),
        ["bundle_keys empty"] = ("bundle_keys", b => b["bundle_keys"] = new JsonObject()),
        ["bundle key id with a space"] = ("bundle_keys.bad id", b => b["bundle_keys"]!["bad id"] = PublicKeyText(OtherPrivateKey)),
        ["bundle key text short"] = ("bundle_keys.tech-2", b => b["bundle_keys"]!["tech-2"] = "AAAA"),
        ["bundle key text a private key"] = ("bundle_keys.tech-2", b => b["bundle_keys"]!["tech-2"] = Ed25519KeyText.FormatPrivateKeyPem(OtherPrivateKey)),
        ["command key text"] = ("command_keys.ir-1", b => b["command_keys"]!["ir-1"] = "not a key"),
        ["command key id"] = ("command_keys.ir 1", b => b["command_keys"]!["ir 1"] = PublicKeyText(CommandPrivateKey)),
        ["setting owned: Uplink:Password"] = ("settings.Uplink:Password", b => b["settings"]!["Uplink:Password"] = "x"),
        ["setting owned, other case"] = ("settings.uplink:password", b => b["settings"]!["uplink:password"] = "x"),
        ["setting owned: Firmware:TrustedKeys:x"] = ("settings.Firmware:TrustedKeys:x", b => b["settings"]!["Firmware:TrustedKeys:x"] = PublicKeyText(OtherPrivateKey)),
        ["setting owned: Commands:TrustedKeys:x"] = ("settings.Commands:TrustedKeys:x", b => b["settings"]!["Commands:TrustedKeys:x"] = PublicKeyText(OtherPrivateKey)),
        ["setting owned: Sensor:Id"] = ("settings.Sensor:Id", b => b["settings"]!["Sensor:Id"] = "gw-2"),
        ["setting owned: Uplink:Broker"] = ("settings.Uplink:Broker", b => b["settings"]!["Uplink:Broker"] = "mqtt://elsewhere"),
        ["setting key without a section"] = ("settings.Capture", b => b["settings"]!["Capture"] = "x"),
        ["setting key with a space"] = ("settings.Capture:Inter face", b => b["settings"]!["Capture:Inter face"] = "x"),
        ["setting key under Edge"] = ("settings.:Capture:Filter", b => b["settings"]![":Capture:Filter"] = "x"),
        ["setting value too long"] = ("settings.Capture:Filter", b => b["settings"]!["Capture:Filter"] = new string('x', ProvisioningRules.MaxSettingLength + 1)),
        ["setting nests in a value"] = ("settings.Capture:Interface:Name", b => b["settings"]!["Capture:Interface:Name"] = "eth1"),
        ["setting that a nested one is inside"] = ("settings.Capture:Extra", b =>
        {
            b["settings"] = new JsonObject { ["Capture:Extra:Inner"] = "1", ["Capture:Extra"] = "2" };
        }),
        ["setting given twice"] = ("settings.capture:interface", b => b["settings"]!["capture:interface"] = "eth1"),
        ["too many settings"] = ("settings", b =>
        {
            var settings = new JsonObject();
            for (var i = 0; i <= ProvisioningRules.MaxSettings; i++)
                settings[$"Detection:Key{i}"] = "1";
            b["settings"] = settings;
        }),
    };

    public static TheoryData<string> RuleCases()
    {
        var cases = new TheoryData<string>();
        foreach (var name in Rules.Keys)
            cases.Add(name);
        return cases;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Each_rule_refuses_naming_its_field_and_quoting_no_secret(string rule)
    {
        var (field, edit) = Rules[rule];
        var body = BodyJson();
        edit(body);
        // Signed properly, so only the rule can refuse it, on a fresh sensor and a provisioned one alike.
        foreach (var trusted in new[] { new TrustedKeys(), Trust() })
        {
            var refusal = Refused(Assemble(body), trusted);
            Assert.Equal(ProvisioningRefusalCode.Invalid, refusal.Code);
            Assert.StartsWith(field + " ", refusal.Message, StringComparison.Ordinal);
            AssertQuotesNoSecret(refusal.Message, Client, OtherClient, Expired, Future);
        }
    }

    [Fact]
    public void The_rule_cases_each_break_only_their_rule()
    {
        // Without the edit the same assembly is accepted, so each case above fails for its own reason.
        Assert.True(ProvisioningReader.TryRead(Assemble(BodyJson()), new TrustedKeys(), Now, out _, out _, out var refusal), refusal?.ToString());
    }

    [Fact]
    public void A_set_without_the_optional_fields_is_accepted()
    {
        var body = BodyJson();
        foreach (var name in new[] { "broker_ca", "client_certificate", "client_key", "username", "password" })
            body.Remove(name);
        body["broker"] = "mqtt://broker.example";
        body["command_keys"] = new JsonObject();
        body["settings"] = new JsonObject();
        Assert.True(ProvisioningReader.TryRead(Assemble(body), new TrustedKeys(), Now, out var set, out _, out var refusal), refusal?.ToString());
        Assert.Null(set.ClientKey);
        Assert.Empty(set.Settings);
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_before_it_is_parsed()
    {
        var file = new byte[ProvisioningFormat.MaxBytes + 1];
        file.AsSpan().Fill((byte)' ');
        Write().CopyTo(file, 0);
        var refusal = Refused(file);
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.Contains($"{ProvisioningFormat.MaxBytes}-byte cap", refusal.Message, StringComparison.Ordinal);
        Assert.False(ProvisioningReader.TryParse(file, out _, out _, out _));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_malformed()
    {
        var file = Write();
        file[file.Length / 2] = 0xFF;
        var refusal = Refused(file);
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.Contains("is not UTF-8", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_utf8_is_malformed_and_says_body()
    {
        var body = Body();
        body[body.Length / 3] = 0xC0;
        var refusal = Refused(Assemble(body));
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.StartsWith("body is not UTF-8", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"edge.provision/1\",\"key_id\":7,", "$.key_id")]
    [InlineData("{\"schema\":[],", "$.schema")]
    [InlineData("{\"schema\":\"edge.provision/1\",\"body\":\"not base64!\",", "$.body")]
    public void Malformed_envelope_json_names_the_json_path(string prefix, string path)
    {
        var refusal = Refused(Encoding.UTF8.GetBytes(prefix + "\"signature\":\"\"}"));
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.StartsWith(path, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agency", "5", "body $.agency")]
    [InlineData("bundle_keys", "[]", "body $.bundle_keys")]
    [InlineData("settings", "{\"Capture:Interface\":1}", "body $.settings")]
    [InlineData("password", "{\"a\":1}", "body $.password")]
    public void Malformed_body_json_names_the_json_path_with_body(string property, string json, string path)
    {
        var body = BodyJson();
        body[property] = JsonNode.Parse(json);
        var refusal = Refused(Assemble(body));
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.StartsWith(path, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_missing_a_required_property_is_malformed_and_names_it()
    {
        var body = BodyJson();
        body.Remove("bundle_keys");
        var refusal = Refused(Assemble(body));
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.Contains("bundle_keys", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_envelope_property_is_refused()
    {
        var envelope = JsonNode.Parse(Write())!.AsObject();
        envelope["comment"] = "hello";
        var refusal = Refused(Encoding.UTF8.GetBytes(envelope.ToJsonString()), Trust());
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.Contains("comment", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_body_property_is_refused_even_signed()
    {
        var body = BodyJson();
        body["trust_everyone"] = true;
        var refusal = Refused(Assemble(body), Trust());
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        // The body's names are not quoted unless they are the format's: a damaged set may have a secret there.
        Assert.StartsWith("body $: ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("not shown", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>Hand-edits that put a secret where a refusal quotes the input: a settings key, a key id,
    /// the broker address, a property name.</summary>
    private static readonly Dictionary<string, Action<JsonObject>> MisplacedSecrets = new()
    {
        ["password as a settings key"] = b => b["settings"]![Password] = "x",
        ["client key as a settings key"] = b => b["settings"]![Client.KeyPem] = "x",
        ["password as a bundle key id"] = b => b["bundle_keys"]![Password] = "AAAA",
        ["password in the broker address"] = b => b["broker"] = $"mqtts://{Username}:{Password}@broker.example:8883",
        ["password as a property name"] = b => b[Password] = "x",
        ["client key as a property name"] = b => b[Client.KeyPem] = "x",
        ["client key as a settings key nesting in a value"] = b => b["settings"]![$"Capture:Interface:{Client.KeyPem.Split('\n')[1]}"] = "x",
        ["password nesting in a value"] = b => b["settings"]![$"Capture:Interface:{Password}"] = "x",
    };

    public static TheoryData<string> MisplacedSecretCases()
    {
        var cases = new TheoryData<string>();
        foreach (var name in MisplacedSecrets.Keys)
            cases.Add(name);
        return cases;
    }

    [Theory]
    [MemberData(nameof(MisplacedSecretCases))]
    public void A_secret_put_where_a_refusal_quotes_the_input_is_not_quoted(string misplacement)
    {
        var body = BodyJson();
        MisplacedSecrets[misplacement](body);
        var refusal = Refused(Assemble(body), Trust());
        Assert.NotEqual(ProvisioningRefusalCode.BadSignature, refusal.Code);
        AssertQuotesNoSecret(refusal.Message);
        if (!ProvisioningReader.TryParse(Assemble(body), out _, out _, out var parseRefusal))
            AssertQuotesNoSecret(parseRefusal!.Message);
    }

    [Fact]
    public void A_duplicate_body_property_is_refused()
    {
        var text = Encoding.UTF8.GetString(Body());
        var duplicated = text.Replace("\"sensor\":", "\"sensor\":\"gw-9\",\"sensor\":", StringComparison.Ordinal);
        var refusal = Refused(Assemble(Encoding.UTF8.GetBytes(duplicated)), Trust());
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
    }

    [Theory]
    [InlineData("bundle_keys", "tech-1")]
    [InlineData("command_keys", "ir-1")]
    [InlineData("settings", "Capture:Interface")]
    public void A_null_map_value_is_refused_not_thrown(string map, string key)
    {
        var body = BodyJson();
        body[map]![key] = null;
        ProvisioningRefusal refusal;
        try
        {
            refusal = Refused(Assemble(body), Trust());
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"TryRead threw {e.GetType().Name}: {e.Message}");
            return;
        }
        Assert.Contains(map, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_is_malformed()
    {
        var envelope = JsonNode.Parse(Write())!.AsObject();
        envelope["schema"] = "edge.provision/2";
        var refusal = Refused(Encoding.UTF8.GetBytes(envelope.ToJsonString()), Trust());
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
        Assert.Contains("edge.provision/2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_does_not_match_its_certificate_is_refused_without_quoting_either_key()
    {
        var body = BodyJson();
        body["client_key"] = OtherClient.KeyPem;
        var refusal = Refused(Assemble(body), Trust());
        Assert.Equal("client_key is not a PEM private key of the client certificate", refusal.Message);
        AssertQuotesNoSecret(refusal.ToString(), Client, OtherClient);
    }

    [Fact]
    public void A_password_that_breaks_the_json_is_not_quoted()
    {
        // The password's string is cut open: the parser's message may quote one character, never the value.
        var text = Encoding.UTF8.GetString(Body());
        var broken = text.Replace($"\"{Password}\"", $"\"{Password}\\q{Password}\"", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var refusal = Refused(Assemble(Encoding.UTF8.GetBytes(broken)), Trust());
        Assert.Equal(ProvisioningRefusalCode.Malformed, refusal.Code);
    }

    private static byte[] Envelope(byte[] body, byte[] signature) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["schema"] = ProvisioningFormat.Schema,
        ["key_id"] = KeyId,
        ["body"] = Convert.ToBase64String(body),
        ["signature"] = Convert.ToBase64String(signature),
    }.ToJsonString());
}
