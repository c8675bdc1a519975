package app.spotter.server;
public final class SpotterServer { public static void main(String[] args) { System.out.println("hi " + Runtime.version()); } }
