using System.Net;

namespace Edge.Detect.Intel;

/// <summary>One list an entry came from: its source name (by default the file name) and its
/// category (phishing, cnc, botnet, mining, malware, typosquat-protected, doh, benign, ...). For the
/// DNS forwarder it also says what a listed name gets (<see cref="Action"/>) and which names a
/// listed one covers (<see cref="Scope"/>); lists from plain feeds keep the defaults.</summary>
public sealed class IntelList(string source, string category, IntelAction action = IntelAction.Block,
    IntelScope scope = IntelScope.Suffix, IReadOnlyList<IPAddress>? localData = null)
{
    public string Source { get; } = source;

    public string Category { get; } = category;

    public IntelAction Action { get; } = action;

    public IntelScope Scope { get; } = scope;

    /// <summary>The addresses of RPZ local data (A/AAAA records) when <see cref="Action"/> is <see cref="IntelAction.LocalData"/>.</summary>
    public IReadOnlyList<IPAddress> LocalData { get; } = localData ?? [];

    public override string ToString() => Source + ":" + Category;
}
