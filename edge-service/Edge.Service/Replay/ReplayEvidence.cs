using Edge.Detect.Evidence;
using Edge.Service.Evidence;

namespace Edge.Service.Replay;

/// <summary>The evidence store for a replay: the recorder on the capture thread, the store writing
/// behind it, and the end of the replay waiting until every capture is on disk.</summary>
public sealed class ReplayEvidence
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromMinutes(1);

    public ReplayEvidence(EvidenceOptions options)
    {
        var queue = new EvidenceQueue(options.QueueCapacity);
        Recorder = new EvidenceRecorder(options, queue);
        Store = new EvidenceStore(options, queue);
        Store.Start();
    }

    public EvidenceRecorder Recorder { get; }

    public EvidenceStore Store { get; }

    /// <summary>False when the writer had not finished within a minute.</summary>
    public bool AllWritten { get; private set; }

    /// <summary>After the last packet and the alert flush: closes the open captures and waits for the writer.</summary>
    public void Finish()
    {
        Recorder.Flush();
        AllWritten = Store.Complete(WriteTimeout);
    }
}
