@echo off
rem Builds ITA Desktop for Windows: the frozen folder dist\ita-desktop\ (ita-desktop.exe, ita-cli.exe),
rem checks it, then the per-user installer dist\ITA-Desktop-Setup.exe with Inno Setup 6 (no admin rights).
rem Needs Python 3.11+ (py launcher) and Inno Setup 6 (iscc.exe on PATH or in its default folder).
setlocal
rem this file is UTF-8 (Thai office names below): make cmd.exe read it so
chcp 65001 >nul
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe py -3 -m venv .venv || goto :error
.venv\Scripts\python -m pip install -q -e ".[build,postgres]" || goto :error
.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build installer\ita_desktop.spec || goto :error

rem smoke-test the frozen programs before packing them
set QT_QPA_PLATFORM=offscreen
set ITA_DESKTOP_DATA_DIR=%TEMP%\ita-desktop-build-check
if exist "%ITA_DESKTOP_DATA_DIR%" rmdir /s /q "%ITA_DESKTOP_DATA_DIR%"
dist\ita-desktop\ita-cli.exe demo || goto :error
dist\ita-desktop\ita-cli.exe scores --year 2568 --org ทุ่งท่าช้าง --json > nul || goto :error
dist\ita-desktop\ita-cli.exe memo analysis --org ทุ่งท่าช้าง --year 2568 --out "%ITA_DESKTOP_DATA_DIR%\memo.pdf" || goto :error
dist\ita-desktop\ita-desktop.exe --smoke-test || goto :error
set QT_QPA_PLATFORM=
set ITA_DESKTOP_DATA_DIR=

set ISCC=iscc
where iscc >nul 2>nul || set ISCC="%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
%ISCC% /Qp installer\ita_desktop.iss || goto :error
echo built: dist\ITA-Desktop-Setup.exe
exit /b 0

:error
echo build failed (exit %errorlevel%)
exit /b 1
