using System.Runtime.CompilerServices;

// LinuxWatchdogDevice.Open(path, timeout, allowPlainFile) is for tests only. Belongs in
// Edge.Hardware.csproj as <InternalsVisibleTo Include="Edge.Hardware.Tests" /> once that file is free.
[assembly: InternalsVisibleTo("Edge.Hardware.Tests")]
