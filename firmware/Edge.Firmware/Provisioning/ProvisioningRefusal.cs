namespace Edge.Firmware.Provisioning;

public enum ProvisioningRefusalCode
{
    /// <summary>Not a provisioning file, or JSON that does not parse into one.</summary>
    Malformed = 1,

    /// <summary>A field parses but its value is not acceptable (the message names the field).</summary>
    Invalid = 2,

    /// <summary>Signed with a key the sensor does not trust.</summary>
    UnknownKey = 3,

    BadSignature = 4,
}

/// <summary>Why a provisioning set was refused, naming the field at fault. Never quotes a secret.</summary>
public sealed record ProvisioningRefusal(ProvisioningRefusalCode Code, string Message)
{
    public string Name => Code switch
    {
        ProvisioningRefusalCode.Malformed => "malformed",
        ProvisioningRefusalCode.Invalid => "invalid",
        ProvisioningRefusalCode.UnknownKey => "unknown-key",
        ProvisioningRefusalCode.BadSignature => "bad-signature",
        _ => "unknown",
    };

    public override string ToString() => $"{Name}: {Message}";
}
