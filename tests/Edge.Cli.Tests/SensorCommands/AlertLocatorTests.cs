using Edge.Cli.SensorCommands;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class AlertLocatorTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-locator-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void An_alert_id_leads_to_the_sensor_that_raised_it_in_either_case()
    {
        using var store = IncidentStore.Open(Path.Combine(_folder.FullName, "incident.db"));
        using (var writer = new StoreWriter(store))
        {
            var batch = new IncomingBatch();
            batch.Alerts.Add(StoreFixtures.Alert("01JX00000000000000000000AA", agency: "town-c", sensor: "gw-3"));
            writer.Write(batch);
        }

        Assert.Equal(new SensorAddress("town-c", "gw-3"), AlertLocator.Find(store, "01jx00000000000000000000aa"));
        Assert.Null(AlertLocator.Find(store, "01JX00000000000000000000BB"));
    }
}
