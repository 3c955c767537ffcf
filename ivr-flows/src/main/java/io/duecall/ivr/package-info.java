package io.duecall.ivr;
