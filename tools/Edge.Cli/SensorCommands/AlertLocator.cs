using Edge.Cli.Store;

namespace Edge.Cli.SensorCommands;

/// <summary>Which sensor raised an alert, from the incident store's <c>alerts</c> table.</summary>
public static class AlertLocator
{
    public static SensorAddress? Find(IncidentStore store, string alertId)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agency, sensor FROM alerts WHERE id = @id";
        Parameters.Add(command, "@id", AlertIds.Normalise(alertId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SensorAddress(reader.GetString(0), reader.GetString(1)) : null;
    }
}
