; Inno Setup script: Teamlead for one Windows user, installed without administrator rights.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\teamlead.iss
;
; Takes the bundle that `make package` (scripts\build_bundle.py) left in dist\teamlead and writes
; dist\teamlead-VERSION-windows-x64-setup.exe. Installs into %LOCALAPPDATA%\Programs\Teamlead, puts Teamlead in
; the Start menu (the windowed teamlead-app.exe), and registers an uninstaller under Apps & features.
; Uninstalling removes only the program folder: the user's data folder (%LOCALAPPDATA%\Teamlead, with the
; database, its backups, settings and logs) is never touched. Silent: setup.exe /VERYSILENT /CURRENTUSER;
; unins000.exe /VERYSILENT.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\teamlead"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\teamlead.ico"
#endif

[Setup]
; One fixed id for every version, so a new installer replaces the old one instead of installing beside it.
AppId={{6F1C2B7E-3D4A-4E8B-9C51-2A7D0E4B8F36}
AppName=Teamlead
AppVersion={#AppVersion}
AppVerName=Teamlead {#AppVersion}
AppPublisher=Teamlead
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={userpf}\Teamlead
DefaultGroupName=Teamlead
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=teamlead-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\teamlead-app.exe
UninstallDisplayName=Teamlead
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
LicenseFile=..\..\LICENSE

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; a new version replaces every file, including those in _internal.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new one no longer ships would stay behind in _internal otherwise.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Teamlead"; Filename: "{app}\teamlead-app.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\Teamlead"; Filename: "{app}\teamlead-app.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\teamlead-app.exe"; Description: "{cm:LaunchProgram,Teamlead}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder's own leftovers (Python's caches); never {localappdata}\Teamlead, the user's data.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
