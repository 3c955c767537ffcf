package io.duecall.engine;
