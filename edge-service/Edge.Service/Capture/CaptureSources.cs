using Edge.Service.Configuration;

namespace Edge.Service.Capture;

/// <summary>The source <c>edge-service run</c> reads: a live <c>Interface</c> wins, then <c>File</c>,
/// then the capture bundled with the service; none when capture is off.</summary>
public static class CaptureSources
{
    public static IFrameSource Open(CaptureSettings settings, string bundledSample, TimeProvider time, WaitHandle? wake = null)
    {
        if (!settings.Enabled)
            return new NoCaptureSource(wake);
        if (settings.Interface.Length > 0)
            return LiveInterfaceSource.Open(settings, time);
        var file = settings.File.Length > 0 ? settings.File : bundledSample;
        return new FileFrameSource(file, settings.Pace, time) { Speed = settings.Speed };
    }
}
