; Inno Setup 6 script: a per-user installer of ITA Desktop (no administrator rights needed).
; Build: installer\build.bat (PyInstaller first, then: iscc installer\ita_desktop.iss)
; - installs into %LOCALAPPDATA%\Programs\ITA Desktop
; - Start-menu and (optional, checked) desktop shortcuts
; - opens .itapkg data packages with ITA Desktop (per-user file association, HKCU)
; - the uninstaller removes the program only: the user's data in %LOCALAPPDATA%\ITA Desktop
;   (database, backups, attachments, log) stays
#define AppName "ITA Desktop"
#define AppVersion "0.1.0"
#define AppExe "ita-desktop.exe"

[Setup]
AppId={{6F1B2D0E-4C7A-4B8E-9C55-1A2B3C4D5E6F}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ITA Desktop
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ChangesAssociations=yes
OutputDir=..\dist
OutputBaseFilename=ITA-Desktop-Setup
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\resources\licenses\README.md
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "สร้างทางลัดบนเดสก์ท็อป (Desktop shortcut)"; GroupDescription: "ทางลัด:"

[Files]
Source: "..\dist\ita-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\คู่มือการใช้งาน ITA Desktop"; Filename: "{app}\_internal\docs\guide\index.html"
Name: "{group}\ถอนการติดตั้ง {#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .itapkg -> ITA Desktop, for this user only (HKCU: no administrator rights)
Root: HKCU; Subkey: "Software\Classes\.itapkg"; ValueType: string; ValueName: ""; ValueData: "ITADesktop.DataPackage"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ITADesktop.DataPackage"; ValueType: string; ValueName: ""; ValueData: "ชุดข้อมูล ITA Desktop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ITADesktop.DataPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\ITADesktop.DataPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "เปิด {#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself left beside its files; the data folder {localappdata}\ITA Desktop is kept
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
