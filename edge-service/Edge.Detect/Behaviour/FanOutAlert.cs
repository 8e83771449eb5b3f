namespace Edge.Detect.Behaviour;

[Flags]
public enum FanOutAlert : byte
{
    None = 0,
    /// <summary>One source reached the distinct-address threshold on one destination port.</summary>
    PortSweep = 1,
    /// <summary>One source reached the distinct (address, port) threshold.</summary>
    Scan = 2,
}
