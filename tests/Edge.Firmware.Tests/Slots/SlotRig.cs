using Edge.Firmware.Slots;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Firmware.Tests.Slots;

/// <summary>A slot root in a temp folder with version 1 installed in slot a, on fake time.</summary>
internal sealed class SlotRig : IDisposable
{
    public SlotRig()
    {
        Root = Directory.CreateTempSubdirectory("edge-slots-").FullName;
        Store = new SlotStore(Root, Time);
        Store.Initialise();
        WriteVersion(Store.SlotPath(SlotStore.A), "1.0.0");
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public SlotStore Store { get; }

    /// <summary>Stages and activates a version, as the flash agent does after verifying a bundle.</summary>
    public void Install(string version)
    {
        WriteVersion(Store.PrepareStaging(), version);
        Store.Activate(version);
    }

    /// <summary>The version the link points at, read through it as the service manager would.</summary>
    public string RunningVersion => File.ReadAllText(Path.Combine(Store.CurrentLink, "version"));

    public static void WriteVersion(string slot, string version)
    {
        File.WriteAllText(Path.Combine(slot, "version"), version);
        File.WriteAllText(Path.Combine(slot, "edge-service"), $"binary {version}");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
