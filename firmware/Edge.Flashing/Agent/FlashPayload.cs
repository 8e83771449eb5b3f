using Edge.Flashing.Messages;

namespace Edge.Flashing.Agent;

/// <summary>A transfer that arrived whole and matched its SHA-256, for the install hook.</summary>
/// <param name="Path">The received file in staging; removed after the hook returns.</param>
public sealed record FlashPayload(TransferKind Kind, string Path);
