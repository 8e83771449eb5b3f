namespace Edge.Flashing.Messages;

/// <summary>What a transfer carries, so the sensor hands it to the right installer.</summary>
public enum TransferKind : byte
{
    /// <summary>A signed firmware bundle (edgectl bundle create): installed into the idle slot.</summary>
    Bundle = 0,

    /// <summary>A signed provisioning set (edgectl provision create): the sensor's identity and trust.</summary>
    Provisioning = 1,
}
