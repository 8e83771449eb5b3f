using Edge.Hardware.Status;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Status;

/// <summary>A status model on fake time that remembers every change it announced.</summary>
internal sealed class StatusModelRig
{
    public static readonly HealthInputs Healthy = new() { Started = true, UplinkConnected = true };

    public StatusModelRig(TimeSpan? uplinkGrace = null)
    {
        Model = new StatusModel(Time, uplinkGrace);
        Model.Changed += Announced.Add;
    }

    public FakeTimeProvider Time { get; } = new();

    public StatusModel Model { get; }

    public List<SensorStatus> Announced { get; } = [];

    public SensorStatus At(double seconds, HealthInputs inputs)
    {
        Time.SetUtcNow(Time.Start + TimeSpan.FromSeconds(seconds));
        return Model.Update(inputs);
    }
}
