using Edge.Watch.Net;

namespace Edge.Detect.Behaviour;

/// <summary>One series of connections: a client to one server port.</summary>
public readonly record struct BeaconKey(IpAddr Client, IpAddr Server, ushort Port);
