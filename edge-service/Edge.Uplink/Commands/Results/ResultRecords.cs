using System.Text.Json;

namespace Edge.Uplink.Commands.Results;

/// <summary><c>ping</c>: who answered.</summary>
public sealed record PingResult(string Agency, string Sensor);

/// <summary><c>ack</c>: the alert now acknowledged.</summary>
public sealed record AckResult(string AlertId);

/// <summary><c>intel-update</c> once the list is verified and swapped in.</summary>
public sealed record IntelUpdateResult(string List, string Sha256, long Size, long Entries, string? Version);

/// <summary><c>intel-update</c> after a chunk that was not the last: how far the transfer is.</summary>
public sealed record IntelChunkResult(string Transfer, int Received, int Count, long Bytes);

/// <summary><c>config-get</c>: the section asked for (or all) as the service shows it.</summary>
public sealed record ConfigGetResult(string? Section, JsonElement Config);

/// <summary><c>config-set</c>: the key set, and whether it takes effect only after a restart.</summary>
public sealed record ConfigSetResult(string Key, bool RestartRequired);

/// <summary><c>evidence-get</c>: one chunk of the alert's pcap; <see cref="Sha256"/> and
/// <see cref="Total"/> are of the whole file, so the requester loops until <see cref="Eof"/>.</summary>
public sealed record EvidenceChunkResult(string AlertId, long Offset, int Length, long Total, string Sha256, string Data, bool Eof);
