using System.Text.RegularExpressions;
using System.Text.Json;

namespace Edge.IntegrationTests.Incident;

/// <summary><c>edgectl cmd</c> against a real sensor through a real mosquitto.</summary>
public sealed partial class CmdTests(AckTests.SensorFixture fixture) : IClassFixture<AckTests.SensorFixture>
{
    private RunningSensor Sensor => fixture.Sensor;

    private string[] OnBroker => ["--broker", Sensor.Broker.Url];

    private int LedTests => LedTestLine().Count(Sensor.Service.Output);

    [Fact]
    public void A_led_test_signed_with_the_trusted_key_returns_ok_and_the_sensor_runs_it()
    {
        var before = LedTests;

        var (code, output) = Edgectl.Run(60, ["cmd", "town-a/gw-1", "led-test", "--key", Sensor.KeyFile, "--key-id", RunningSensor.KeyId, .. OnBroker]);

        Assert.True(code == 0, output);
        Assert.StartsWith("ok: led-test on town-a/gw-1 (command ", output, StringComparison.Ordinal);
        Assert.Equal(before + 1, LedTests);
    }

    [Fact]
    public void A_command_signed_with_a_key_the_sensor_does_not_trust_is_refused_with_exit_1_and_not_run()
    {
        var before = LedTests;

        var (unknown, unknownOutput) = Edgectl.Run(60, ["cmd", "town-a/gw-1", "led-test", "--key", Sensor.StrangerKeyFile, "--key-id", "stranger", .. OnBroker]);
        var (forged, forgedOutput) = Edgectl.Run(60, ["cmd", "town-a/gw-1", "led-test", "--key", Sensor.StrangerKeyFile, "--key-id", RunningSensor.KeyId, .. OnBroker]);

        Assert.Equal(1, unknown);
        Assert.StartsWith("refused by town-a/gw-1: unknown_key (key): key 'stranger' is not trusted by this sensor", unknownOutput, StringComparison.Ordinal);
        Assert.Equal(1, forged);
        Assert.StartsWith("refused by town-a/gw-1: bad_signature (sig)", forgedOutput, StringComparison.Ordinal);
        Assert.Equal(before, LedTests);
    }

    [Fact]
    public void Config_get_returns_the_sensors_settings_as_json()
    {
        var (code, output) = Edgectl.Run(60, ["cmd", "town-a/gw-1", "config-get", "Uplink", "--json", "--key", Sensor.KeyFile, "--key-id", RunningSensor.KeyId, .. OnBroker]);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var config = json.RootElement.GetProperty("result").GetProperty("result").GetProperty("config");
        Assert.Equal(Sensor.Broker.Url, config.GetProperty("Broker").GetString());
    }

    [Fact]
    public void A_sensor_that_does_not_answer_is_a_timeout_with_exit_1_saying_so()
    {
        var (code, output) = Edgectl.Run(60, ["cmd", "town-a/gw-9", "ping", "--timeout", "2s", "--key", Sensor.KeyFile, "--key-id", RunningSensor.KeyId, .. OnBroker]);

        Assert.Equal(1, code);
        Assert.StartsWith("no answer from town-a/gw-9 to ping within 2s", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("LED test requested by command")]
    private static partial Regex LedTestLine();
}
