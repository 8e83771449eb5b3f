namespace Edge.Hardware.Button;

public enum ButtonPhase
{
    /// <summary>Nothing under way.</summary>
    Idle,

    /// <summary>Held, not yet for the factory-reset hold.</summary>
    Pressed,

    /// <summary>Factory reset armed: held for the factory-reset hold, waiting for release and the confirming press.</summary>
    Armed,

    /// <summary>The confirming press is held.</summary>
    Confirming,
}
