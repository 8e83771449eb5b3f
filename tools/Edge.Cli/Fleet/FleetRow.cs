namespace Edge.Cli.Fleet;

/// <summary>One sensor as <c>edgectl fleet</c> shows it: its state, the verdict and why.</summary>
public sealed record FleetRow(SensorState Sensor, SensorHealth Health, string Reason, TimeSpan? HeartbeatAge, TimeSpan? LastAlertAge);
