using System.Text.Json;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;

namespace Edge.Cli.Tests.Commands;

public sealed class FleetCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-fleet-cmd-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Store()
    {
        var path = Path.Combine(_folder.FullName, "incident.db");
        using var store = IncidentStore.Open(path);
        using var writer = new StoreWriter(store);
        var batch = new IncomingBatch();
        batch.Statuses.Add(StoreFixtures.Status("online", 0, version: "2.1.0"));
        batch.Heartbeats.Add(StoreFixtures.Heartbeat(1, 60));
        batch.Statuses.Add(StoreFixtures.Status("offline", 3, sensor: "gw-2"));
        writer.Write(batch);
        return path;
    }

    [Fact]
    public void From_the_store_each_sensor_is_judged_and_old_heartbeats_are_silent_exit_1_only_when_asked()
    {
        var store = Store();

        Assert.Equal(0, CliRun.Run(out var json, "fleet", "--store", store, "--json"));
        Assert.Equal(1, CliRun.Run(out _, "fleet", "--store", store, "--fail-on-silent"));
        Assert.Equal(0, CliRun.Run(out var table, "fleet", "--store", store, "--silent-after", "3650d"));

        using var document = JsonDocument.Parse(json);
        var sensors = document.RootElement.GetProperty("sensors");
        // The fixtures' heartbeat is from March 2026: long silent by any clock running this test.
        Assert.Equal(("gw-1", "silent", "2.1.0"), (sensors[0].GetProperty("sensor").GetString(), sensors[0].GetProperty("health").GetString(), sensors[0].GetProperty("version").GetString()));
        Assert.Equal(("gw-2", "offline"), (sensors[1].GetProperty("sensor").GetString(), sensors[1].GetProperty("health").GetString()));
        Assert.Contains("2 sensor(s): 1 online, 0 silent, 1 offline", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fleet --store {0}/none.db", "no incident store at")]
    [InlineData("fleet --store {0}/incident.db --silent-after soon", "--silent-after 'soon' is not a duration")]
    [InlineData("fleet --store {0}/incident.db --silent-after 0s", "--silent-after must be at least 1s")]
    [InlineData("fleet --broker mqtt://127.0.0.1:1 --listen 0", "--listen must be at least 1s")]
    [InlineData("fleet --store {0}/incident.db --agency A", "--agency 'A' must be")]
    public void Bad_arguments_exit_2(string line, string message)
    {
        Store();

        Assert.Equal(2, CliRun.Run(out var output, string.Format(System.Globalization.CultureInfo.InvariantCulture, line, _folder.FullName).Split(' ')));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
