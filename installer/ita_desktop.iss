; Inno Setup script: a per-user installer with Start-menu and desktop shortcuts.
[Setup]
AppName=ITA Desktop
AppVersion=0.1.0
DefaultDirName={localappdata}\Programs\ITA Desktop
DefaultGroupName=ITA Desktop
PrivilegesRequired=lowest
OutputBaseFilename=ITA-Desktop-Setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\dist\ita-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\ITA Desktop"; Filename: "{app}\ita-desktop.exe"
Name: "{userdesktop}\ITA Desktop"; Filename: "{app}\ita-desktop.exe"

[Run]
Filename: "{app}\ita-desktop.exe"; Description: "เปิด ITA Desktop"; Flags: nowait postinstall skipifsilent
