using Edge.Service.Status;

namespace Edge.Service.Tests.StatusPage;

/// <summary>Says whatever snapshot the test set last.</summary>
public sealed class FakeStatusSource(StatusSnapshot snapshot) : IStatusSource
{
    public StatusSnapshot Snapshot { get; set; } = snapshot;

    public StatusSnapshot Current() => Snapshot;
}
