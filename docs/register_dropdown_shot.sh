#!/usr/bin/env bash
# docs/images/register-template-dropdown.png: the shipped register template open in LibreOffice Calc at
# 1366×768, 办理结果 of the first row with its drop-down list open (the official wording).
# Needs Xvfb, LibreOffice Calc (not the -nogui build), xdotool and ImageMagick's import.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'pkill -f "soffice.*$work" || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
cp resources/templates/register.xlsx "$work/register.xlsx"
Xvfb :77 -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb=$!
sleep 2
export DISPLAY=:77 HOME="$work/home" LANG=C.UTF-8
soffice --norestore --nologo --calc "$work/register.xlsx" >/dev/null 2>&1 &
for _ in $(seq 1 60); do
    window=$(xdotool search --onlyvisible --class libreoffice 2>/dev/null | tail -1) && [[ -n $window ]] && break
    sleep 1
done
sleep 8  # the sheet drawn
xdotool windowsize "$window" 1366 768 windowmove "$window" 0 0
sleep 2
xdotool windowfocus --sync "$window"
xdotool key ctrl+Home Down Right Right Right Right Right  # F2, 办理结果
sleep 0.5
xdotool key alt+Down  # the cell's selection list
sleep 2
import -window root docs/images/register-template-dropdown.png
