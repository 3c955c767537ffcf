package io.duecall.pbxsim;
