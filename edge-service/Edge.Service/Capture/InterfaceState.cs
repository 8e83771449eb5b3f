namespace Edge.Service.Capture;

internal enum InterfaceState
{
    /// <summary>The question itself failed; nothing is concluded from it.</summary>
    Unknown,
    Up,
    Down,
    Gone,
}
