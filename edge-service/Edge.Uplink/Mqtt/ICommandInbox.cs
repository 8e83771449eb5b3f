namespace Edge.Uplink.Mqtt;

/// <summary>Takes the commands that arrive on <c>…/cmd/{name}</c> (QoS 1). The broker gets its
/// PUBACK when <see cref="HandleAsync"/> returns; a persistent session keeps commands sent while
/// the sensor was away. Implemented by the commands module (signature checks, dispatch).</summary>
public interface ICommandInbox
{
    ValueTask HandleAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
