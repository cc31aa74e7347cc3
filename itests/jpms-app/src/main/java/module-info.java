/** A Jykka application on the module path: no OSGi, no class path. */
module org.jykka.itests.jpms {
    requires org.jykka;
    requires org.jykka.threading;
    requires org.jykka.registry;
    requires org.jykka.proxy;

    // The proxy calls the actor's public methods reflectively; nobody else needs to see them.
    opens org.jykka.itests.jpms.actors to org.jykka.proxy;
}
